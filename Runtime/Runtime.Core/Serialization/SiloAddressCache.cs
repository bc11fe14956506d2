namespace Rayswarm.Runtime.Core;

/// <summary>
/// The silo addresses of the last few headers read, keyed by their encoded bytes: a cluster has few silos, and most
/// headers name the same ones, so decoding reuses their instances instead of allocating strings and records per message.
/// Safe for concurrent decoders (entries are immutable and replaced whole).
/// </summary>
internal sealed class SiloAddressCache
{
    private const int Size = 8;
    private readonly Entry?[] _entries = new Entry?[Size];
    private uint _next;

    public SiloAddress Read(ReadOnlySpan<byte> payload)
    {
        foreach (var entry in _entries)
        {
            if (entry is not null && payload.SequenceEqual(entry.Bytes)) { return entry.Silo; }
        }
        var reader = new WireReader(payload);
        var silo = new SiloAddress(reader.ReadRequiredString(), reader.ReadVarInt32(), reader.ReadVarInt64());
        var slot = Interlocked.Increment(ref _next) % Size;
        Volatile.Write(ref _entries[slot], new Entry(payload.ToArray(), silo));
        return silo;
    }

    private sealed record Entry(byte[] Bytes, SiloAddress Silo);
}
