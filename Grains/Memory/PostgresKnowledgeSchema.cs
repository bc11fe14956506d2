namespace Rayswarm.Grains;

/// <summary>The shared memory's tables in PostgreSQL: the searchable text as a tsvector column with a GIN index.</summary>
internal static class PostgresKnowledgeSchema
{
    /// <summary>Key of the transaction-scoped advisory lock that serializes creating these tables between processes.</summary>
    public const long LockKey = 0x5261_7973_4D65_6D6F; // "RaysMemo"

    /// <summary>The text search configuration (stemming and stop words) of the index and of queries.</summary>
    public const string TextConfiguration = "english";

    public const string Script = """
        CREATE TABLE IF NOT EXISTS memory_contributions (
            seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            contribution_id text PRIMARY KEY,
            domain_id text NOT NULL,
            contribution_type text NOT NULL,
            content json NOT NULL,
            search tsvector NOT NULL,
            confidence double precision NOT NULL,
            verifications integer NOT NULL,
            rejections integer NOT NULL,
            verified_by jsonb NOT NULL,
            rejected_by jsonb NOT NULL,
            applications integer NOT NULL,
            successes integer NOT NULL,
            failures integer NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS memory_contributions_search ON memory_contributions USING GIN (search);
        CREATE INDEX IF NOT EXISTS memory_contributions_domain ON memory_contributions (domain_id, seq);
        CREATE TABLE IF NOT EXISTS memory_verifications (
            contribution_id text NOT NULL,
            domain_id text NOT NULL,
            valid boolean NOT NULL,
            notes text NULL,
            verified_at timestamptz NOT NULL,
            PRIMARY KEY (contribution_id, domain_id)
        );
        CREATE TABLE IF NOT EXISTS memory_applications (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            contribution_id text NOT NULL,
            domain_id text NOT NULL,
            outcome text NOT NULL,
            notes text NULL,
            applied_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS memory_applications_contribution ON memory_applications (contribution_id);
        ALTER TABLE memory_contributions ADD COLUMN IF NOT EXISTS contributed_by text NULL;
        ALTER TABLE memory_contributions ADD COLUMN IF NOT EXISTS review_status text NULL;
        ALTER TABLE memory_contributions ADD COLUMN IF NOT EXISTS supersedes text NULL;
        ALTER TABLE memory_contributions ADD COLUMN IF NOT EXISTS superseded_by text NULL;
        ALTER TABLE memory_contributions ADD COLUMN IF NOT EXISTS expert_accepts integer NOT NULL DEFAULT 0;
        ALTER TABLE memory_verifications ADD COLUMN IF NOT EXISTS principal text NULL;
        """;
}
