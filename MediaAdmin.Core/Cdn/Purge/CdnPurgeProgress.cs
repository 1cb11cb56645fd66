namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// How far a purge got, URL by URL: of <see cref="Sent"/> files and folders sent to the CDN how many it
/// accepted or refused; of <see cref="Probed"/> sampled public URLs how many the edge no longer serves.
/// All zero until the worker first takes the deletion up.
/// </summary>
public sealed record CdnPurgeProgress(int Sent, int Accepted, int Refused, int Probed, int Gone)
{
    public static CdnPurgeProgress None { get; } = new(0, 0, 0, 0, 0);
}
