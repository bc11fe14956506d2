using System.Globalization;
using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary>Reads every contribution of the shared memory: the contributing domains from
/// <c>/domains/memory/top-contributors</c>, then each domain's pages of <c>/domains/memory/domain/{id}</c>.</summary>
internal static class KnowledgeExport
{
    /// <summary>The most the gateway's page and contributor routes return at once.</summary>
    private const int Page = 100;

    public static async Task<(List<JsonElement> Contributions, bool Complete, int Domains, int DomainsListed)> ReadAsync(
        GatewayClient gateway, CancellationToken cancellationToken)
    {
        var stats = await gateway.GetAsync("/domains/memory/stats", cancellationToken);
        var top = await gateway.GetAsync($"/domains/memory/top-contributors?limit={Page}", cancellationToken);
        var domains = top.Items("contributors").Select(c => c.Text("domain_id")).ToList();
        var contributions = new List<JsonElement>();
        foreach (var domain in domains)
        {
            for (var offset = 0; ; offset += Page)
            {
                var page = await gateway.GetAsync(
                    $"/domains/memory/domain/{Uri.EscapeDataString(domain)}?offset={offset.ToString(CultureInfo.InvariantCulture)}&limit={Page}", cancellationToken);
                var items = page.Items("contributions").ToList();
                contributions.AddRange(items);
                if (items.Count < Page || offset + Page >= page.Number("total")) { break; }
            }
        }
        contributions.Sort((a, b) => string.CompareOrdinal(a.Text("created_at"), b.Text("created_at")) is var byTime and not 0
            ? byTime : string.CompareOrdinal(a.Text("contribution_id"), b.Text("contribution_id")));
        var total = (int)stats.Number("total_domains");
        return (contributions, total <= domains.Count, total, domains.Count);
    }
}
