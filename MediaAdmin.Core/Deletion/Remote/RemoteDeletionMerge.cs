using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// Merges what ApsaraVideo VOD said of the allowed videos with what was decided locally: the local refusals and
/// the IDs Alibaba did not have stay as they were (<paramref name="goneFromMirror"/>: those the mirror still showed);
/// each allowed video becomes deleted (with its captured CDN URLs), refused by Alibaba, non-existent on the remote,
/// or, after a lost answer, left out as not deleted and unconfirmed.
/// </summary>
internal sealed class RemoteDeletionMerge(DeletionPlan plan, IReadOnlyList<VodRemoteVideo> allowed, CapturedCdnUrls captured, IReadOnlyList<string> goneFromMirror)
{
    /// <summary>DeleteVideo answered: every video sent is deleted unless listed as forbidden or non-existent.</summary>
    public RemoteDeletionOutcome Answered(IReadOnlyCollection<string> forbiddenByRemote, IReadOnlyCollection<string> nonExistentOnRemote, string? remoteRequestId)
    {
        var refused = forbiddenByRemote.ToHashSet(StringComparer.Ordinal);
        var missing = nonExistentOnRemote.ToHashSet(StringComparer.Ordinal);
        return Merge(
            video => refused.Contains(video.VideoId) ? DeletionOutcome.Forbidden
                : missing.Contains(video.VideoId) ? DeletionOutcome.NonExistent
                : DeletionOutcome.Deleted,
            remoteRequestId,
            undecidedAreUnconfirmed: false);
    }

    /// <summary>
    /// DeleteVideo's answer was lost and GetVideoInfos no longer finds <paramref name="goneNow"/>: those were deleted;
    /// the rest were not. <paramref name="remoteRequestId"/>: Alibaba's, when the failed answer carried one.
    /// </summary>
    public RemoteDeletionOutcome Rechecked(IReadOnlySet<string> goneNow, string? remoteRequestId) => Merge(
        video => goneNow.Contains(video.VideoId) ? DeletionOutcome.Deleted : null,
        remoteRequestId,
        undecidedAreUnconfirmed: true);

    /// <summary>DeleteVideo failed without deleting anything: only the videos GetVideoInfos already found gone leave the mirror, as non-existent.</summary>
    public RemoteDeletionOutcome NoneDeleted(DeletionError error, string? remoteRequestId) =>
        Merge(_ => null, remoteRequestId, undecidedAreUnconfirmed: false) with { Error = error };

    /// <summary>Nobody can tell whether DeleteVideo deleted anything: reported as <see cref="NoneDeleted"/>, every video sent left unconfirmed.</summary>
    public RemoteDeletionOutcome Unknown(DeletionError error, string? remoteRequestId) =>
        Merge(_ => null, remoteRequestId, undecidedAreUnconfirmed: true) with { Error = error };

    private RemoteDeletionOutcome Merge(Func<VodRemoteVideo, DeletionOutcome?> outcomeOf, string? remoteRequestId, bool undecidedAreUnconfirmed)
    {
        var unconfirmed = new List<string>();
        var deleted = new List<DeletedVideo>();
        var forbidden = plan.Forbidden.ToList();
        var nonExistent = plan.NonExistent.ToList();
        var gone = goneFromMirror.ToList();
        foreach (var video in allowed)
        {
            switch (outcomeOf(video))
            {
                case DeletionOutcome.Deleted:
                    var urls = captured.For(video.VideoId);
                    deleted.Add(new DeletedVideo(video.VideoId, video.Title, urls.Count, video.SizeBytes, urls));
                    gone.Add(video.VideoId);
                    break;
                case DeletionOutcome.Forbidden:
                    forbidden.Add(new ForbiddenVideo(video.VideoId, video.Title, RemoteDeletionErrors.RefusedByAlibaba));
                    break;
                case DeletionOutcome.NonExistent:
                    nonExistent.Add(video.VideoId);
                    gone.Add(video.VideoId);
                    break;
                case null when undecidedAreUnconfirmed:
                    unconfirmed.Add(video.VideoId);
                    break;
            }
        }

        return new RemoteDeletionOutcome(deleted, forbidden, nonExistent, gone, Error: null, remoteRequestId) { Unconfirmed = unconfirmed };
    }
}
