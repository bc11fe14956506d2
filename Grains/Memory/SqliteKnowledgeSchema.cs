namespace Rayswarm.Grains;

/// <summary>The shared memory's tables in SQLite; the searchable text in an FTS5 table whose rowid is the contribution's seq.</summary>
internal static class SqliteKnowledgeSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS memory_contributions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            contribution_id TEXT NOT NULL UNIQUE,
            domain_id TEXT NOT NULL,
            contribution_type TEXT NOT NULL,
            content TEXT NOT NULL,
            confidence REAL NOT NULL,
            verifications INTEGER NOT NULL,
            rejections INTEGER NOT NULL,
            verified_by TEXT NOT NULL,
            rejected_by TEXT NOT NULL,
            applications INTEGER NOT NULL,
            successes INTEGER NOT NULL,
            failures INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS memory_contributions_domain ON memory_contributions (domain_id, seq);
        CREATE VIRTUAL TABLE IF NOT EXISTS memory_search USING fts5 (body, tokenize = 'porter unicode61');
        CREATE TABLE IF NOT EXISTS memory_verifications (
            contribution_id TEXT NOT NULL,
            domain_id TEXT NOT NULL,
            valid INTEGER NOT NULL,
            notes TEXT NULL,
            verified_at TEXT NOT NULL,
            PRIMARY KEY (contribution_id, domain_id)
        );
        CREATE TABLE IF NOT EXISTS memory_applications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            contribution_id TEXT NOT NULL,
            domain_id TEXT NOT NULL,
            outcome TEXT NOT NULL,
            notes TEXT NULL,
            applied_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS memory_applications_contribution ON memory_applications (contribution_id);
        """;

    /// <summary>The columns added by reviews of knowledge (issue 14); files created before get them on first use.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("memory_contributions", "contributed_by", "TEXT NULL"),
        ("memory_contributions", "review_status", "TEXT NULL"),
        ("memory_contributions", "supersedes", "TEXT NULL"),
        ("memory_contributions", "superseded_by", "TEXT NULL"),
        ("memory_contributions", "expert_accepts", "INTEGER NOT NULL DEFAULT 0"),
        ("memory_verifications", "principal", "TEXT NULL"),
    ];
}
