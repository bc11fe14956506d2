using System.Text.Json.Nodes;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>Compares JSON documents as values (jsonb reorders keys and drops whitespace).</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual) =>
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"Expected JSON equivalent to {expected} but got {actual}.");
}
