using System.Text.Json.Nodes;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>Compares JSON documents as values.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected JSON equivalent to {expected} but got {actual}.");
}
