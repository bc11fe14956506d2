using System.Text.Json;
using System.Text.Json.Serialization;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Grain references inside JSON values (a DTO member, a list element): <c>{"type":..,"key":..,"interface":..}</c>.</summary>
internal sealed class GrainReferenceJsonConverterFactory(IGrainCallRuntime runtime) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => ValueCodecs.IsGrainReferenceType(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(GrainReferenceJsonConverter<>).MakeGenericType(typeToConvert), runtime)!;
}

/// <summary>The converter of one declared grain reference type.</summary>
internal sealed class GrainReferenceJsonConverter<T>(IGrainCallRuntime runtime) : JsonConverter<T> where T : class
{
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var id = GrainReferenceCodec<T>.IdOf(value);
        writer.WriteStartObject();
        writer.WriteString("type", id.Type);
        writer.WriteString("key", id.Key);
        writer.WriteString("interface", GrainInterfaceNames.Of(value, typeof(T)));
        writer.WriteEndObject();
    }

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) { throw new JsonException($"A grain reference ({typeof(T)}) is a JSON object."); }
        string? type = null, key = null, name = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "type": type = reader.GetString(); break;
                case "key": key = reader.GetString(); break;
                case "interface": name = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }
        if (string.IsNullOrEmpty(type) || key is null || name is null)
        {
            throw new JsonException($"A grain reference ({typeof(T)}) needs a type, a key and an interface.");
        }
        return (T)(object)runtime.GetReference(new GrainId(type, key), GrainInterfaceNames.Resolve(name, typeof(T)));
    }
}
