namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// Where a deletion's CDN purge stands: <see cref="Pending"/> until sent, <see cref="Purging"/> while the
/// provider works, <see cref="Purged"/> when the provider says it is done, <see cref="Verified"/> once probes of
/// the public URLs prove the edge no longer serves them, or <see cref="Failed"/> with the reason and a Retry.
/// </summary>
public enum CdnPurgeState
{
    Pending = 0,
    Purging = 1,
    Purged = 2,
    Verified = 3,
    Failed = 4,
}
