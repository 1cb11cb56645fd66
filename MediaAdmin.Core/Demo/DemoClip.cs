using MediaAdmin.Core.Ingest;

namespace MediaAdmin.Core.Demo;

/// <summary>One transcoded demo source: the mezzanine, what ffprobe found in it, and every output with its bytes.</summary>
public sealed record DemoClip(string Name, MediaProbe Probe, string SourceFileName, byte[] Source, IReadOnlyList<(TranscodedFile File, byte[] Content)> Outputs);
