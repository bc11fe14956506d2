namespace Rayswarm.Runtime.Serialization.Tests;

/// <summary>A DTO sent as JSON.</summary>
public sealed record Order(string Customer, List<Order.Line> Lines, Dictionary<string, decimal> Discounts)
{
    /// <summary>An order line.</summary>
    public sealed record Line(string Sku, int Quantity);
}

/// <summary>An enum with an explicit underlying type and a negative member.</summary>
public enum Priority : short
{
    Low = -1,
    Normal = 0,
    High = 1000,
}
