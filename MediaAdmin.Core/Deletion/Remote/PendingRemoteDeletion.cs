using MediaAdmin.Core.Audit;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// One video of a DeleteVideo about to be sent to ApsaraVideo VOD, with the CDN URLs captured for it, written before
/// the call goes out. The request's own record takes it back once Alibaba's answer is known. One left behind (the answer
/// was lost and the re-check failed or still found the video, the database refused the record, or the process stopped
/// before recording) waits for the video to go from the library: then <see cref="LateRemoteDeletions"/> turns it into
/// the CDN reminder and audit record it missed.
/// </summary>
public sealed class PendingRemoteDeletion
{
    public long Id { get; set; }

    public required string RequestId { get; set; }

    public required string VideoId { get; set; }

    public required string Title { get; set; }

    public long SizeBytes { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public DeletionChannel Channel { get; set; }

    public string? AccessKeyId { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>The captured CDN URLs, one per line (none for a video that served nothing yet).</summary>
    public required string CdnUrls { get; set; }

    public DateTime SentAtUtc { get; set; }
}
