namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>What one write to the mirror did: videos added, videos changed, and videos removed (by ID).</summary>
public sealed record MirrorChange(int Added, int Updated, IReadOnlyList<string> RemovedIds)
{
    public static readonly MirrorChange None = new(0, 0, []);

    public int Removed => RemovedIds.Count;
}
