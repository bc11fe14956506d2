using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>
/// The one place where exceptions become HTTP answers (RFC 7807): bad input from the request or a grain's validation
/// (<see cref="ArgumentException"/>, unreadable JSON) is 400 with the message naming the field; an unknown id
/// (<see cref="KeyNotFoundException"/>) 404; <see cref="ConflictException"/> 409; a principal without the role
/// (<see cref="ForbiddenException"/>) 403; an oversized body 413; a wrong content
/// type 415. A cluster that cannot answer right now (<see cref="TransientFailures"/>: a silo starting, stopping or dead, a
/// timeout, no connection) is 503 with <c>Retry-After</c>, and so is what a stopping gateway's services throw once it stops
/// (a disposed or cancelled service). Anything else is a bug: a 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, IHostApplicationLifetime lifetime, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = Classify(exception, lifetime.ApplicationStopping.IsCancellationRequested);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(logger, context.Request.Method, context.Request.Path, exception);
            context.Response.Headers.RetryAfter = ClusterUnavailability.RetryAfter;
        }
        else if (status >= 500)
        {
            LogFailed(logger, context.Request.Method, context.Request.Path, exception);
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static (int Status, string Title, string Detail) Classify(Exception exception, bool stopping) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => (413, "Request body too large", e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (415, "Unsupported media type", "Send the body as JSON with Content-Type: application/json."),
        BadHttpRequestException e => (e.StatusCode, "Bad request", Describe(e)),
        ArgumentException e => (400, "Invalid request", WithoutParameterSuffix(e.Message)),
        KeyNotFoundException e => (404, "Not found", e.Message),
        ConflictException e => (409, "Conflict", e.Message),
        ForbiddenException e => (403, "Forbidden", e.Message),
        _ when TransientFailures.IsTransient(exception) => (503, ClusterUnavailability.Title, ClusterUnavailability.Describe(exception)),
        // Services disposed or cancelled under a running request while the host (with an embedded silo) stops: the stop, not a bug.
        InvalidOperationException or OperationCanceledException when stopping => (503, ClusterUnavailability.StoppingTitle, ClusterUnavailability.StoppingDetail),
        _ => (500, "Internal error", "The gateway failed to handle the request; see its log."),
    };

    // "Failed to read parameter … as JSON" alone does not say what is wrong; the JSON error knows the field.
    private static string Describe(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException { Path: { Length: > 2 } path } => $"{path[2..]} has the wrong type or is malformed (JSON path {path}).",
        JsonException json => $"The body is not valid JSON: {json.Message}",
        _ => e.Message,
    };

    // ArgumentException appends " (Parameter 'x')" to its message; the messages name their field already.
    private static string WithoutParameterSuffix(string message)
    {
        var at = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return at > 0 && message.EndsWith("')", StringComparison.Ordinal) ? message[..at] : message;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, PathString path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the cluster cannot answer right now (503)")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, Exception exception);
}
