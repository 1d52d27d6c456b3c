using System.Reflection;
using System.Text;
using System.Text.Json;
using TorchSharp;

namespace ProbSeg.ML.Models;

/// <summary>
/// Saves a <see cref="SegmentationModel"/> (its kind, configuration record and weights) to a stream and rebuilds it.
/// The ML.NET transformer stores these bytes inside ML.NET's model zip.
/// </summary>
public static class ModelArchive
{
    private const string Magic = "PROBSEG1";
    private const int FormatVersion = 1;

    /// <summary>Writes the model to <paramref name="stream"/>.</summary>
    public static void Save(SegmentationModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(model.GetType().Name);
        writer.Write(model.Configuration.GetType().FullName!);
        writer.Write(JsonSerializer.Serialize(model.Configuration, model.Configuration.GetType()));
        model.save(writer);
    }

    /// <summary>Saves to bytes.</summary>
    public static byte[] ToBytes(SegmentationModel model)
    {
        using var memory = new MemoryStream();
        Save(model, memory);
        return memory.ToArray();
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a ProbSeg model or names an unknown model kind.</exception>
    public static SegmentationModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        string magic;
        try { magic = reader.ReadString(); }
        catch (EndOfStreamException) { throw new InvalidDataException("The stream is empty, not a ProbSeg model."); }
        if (magic != Magic) throw new InvalidDataException($"Not a ProbSeg model (header '{magic}', expected '{Magic}').");
        int version = reader.ReadInt32();
        if (version > FormatVersion)
            throw new InvalidDataException($"The model was written in format {version}; this build reads up to {FormatVersion}. Update ProbSeg.ML.");
        string kind = reader.ReadString();
        string configType = reader.ReadString();
        string json = reader.ReadString();
        var model = Create(kind, configType, json);
        model.load(reader);
        return model;
    }

    /// <summary>Loads from bytes.</summary>
    public static SegmentationModel FromBytes(byte[] bytes)
    {
        using var memory = new MemoryStream(bytes, writable: false);
        return Load(memory);
    }

    private static SegmentationModel Create(string kind, string configTypeName, string json)
    {
        Type? modelType = typeof(SegmentationModel).Assembly.GetTypes()
            .FirstOrDefault(t => t.Name == kind && typeof(SegmentationModel).IsAssignableFrom(t) && !t.IsAbstract);
        if (modelType is null) throw new InvalidDataException($"Unknown model kind '{kind}'.");
        ConstructorInfo? constructor = modelType.GetConstructors()
            .FirstOrDefault(c => c.GetParameters() is [var p] && p.ParameterType.FullName == configTypeName);
        if (constructor is null)
            throw new InvalidDataException($"Model kind '{kind}' has no public constructor taking '{configTypeName}'.");
        Type configType = constructor.GetParameters()[0].ParameterType;
        object config = JsonSerializer.Deserialize(json, configType)
            ?? throw new InvalidDataException($"Empty configuration for model kind '{kind}'.");
        return (SegmentationModel)constructor.Invoke([config]);
    }
}
