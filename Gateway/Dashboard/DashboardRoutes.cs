namespace Rayswarm.Gateway;

/// <summary>Where the dashboard lives in the gateway (docs/operations.md, Dashboard).</summary>
internal static class DashboardRoutes
{
    /// <summary>The Orleans dashboard, and everything of ours under it.</summary>
    public const string Prefix = "/dashboard";

    /// <summary>The domain views: domains, event flow, workflows, shared memory.</summary>
    public const string DomainViews = "/dashboard/domains";

    /// <summary>One workflow's page: <c>/dashboard/domains/workflows/{id}</c>.</summary>
    public const string WorkflowPage = "/dashboard/domains/workflows";

    /// <summary>The CSS and scripts of the domain views, the login page and the review page (no data: served without a key).</summary>
    public const string Assets = "/dashboard/domains/assets";

    /// <summary>The login page (GET) and form (POST).</summary>
    public const string Login = "/dashboard/login";

    /// <summary>Logs out (POST).</summary>
    public const string Logout = "/dashboard/logout";
}
