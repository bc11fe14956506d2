namespace Rayswarm.Gateway;

/// <summary>Writes RFC 7807 problem details outside an endpoint (middleware answering 401/403/429).</summary>
internal static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
        if (!written)
        {
            // The writer declines a client that accepts no JSON (a browser's Accept: text/html); the problem is still the answer.
            await Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
        }
    }
}
