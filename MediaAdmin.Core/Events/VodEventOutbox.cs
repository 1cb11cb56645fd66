using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Events;

/// <summary>
/// Writes the callbacks the local library owes <c>Events:CallbackUrl</c> into the caller's unit of work, so they
/// commit (or roll back) with what they report; <see cref="OutgoingVodEventSender"/> delivers them. Writes nothing
/// unless callbacks are configured and the library is the local one (an ApsaraVideo VOD account sends its own).
/// </summary>
public sealed class VodEventOutbox(IOptions<EventsOptions> options, IOptions<LibrarySourceOptions> source, TimeProvider clock)
{
    private bool Sends => options.Value.SendsCallbacks && !source.Value.IsAlibabaVod;

    /// <summary>One DeleteMediaComplete per deleted video.</summary>
    public void AddDeleteMediaComplete(MediaDbContext db, IEnumerable<string> deletedVideoIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deletedVideoIds);
        if (!Sends)
        {
            return;
        }

        var now = Now();
        foreach (var videoId in deletedVideoIds)
        {
            Add(db, VodEventBodies.DeleteMediaComplete, videoId, VodEventBodies.DeleteMedia(videoId, now), now);
        }
    }

    /// <summary>FileUploadComplete for an asset an upload or an import just created, its mezzanine among its files.</summary>
    public void AddFileUploadComplete(MediaDbContext db, MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(asset);
        if (Sends)
        {
            var now = Now();
            Add(db, VodEventBodies.FileUploadComplete, asset.Id, VodEventBodies.FileUpload(asset, now), now);
        }
    }

    /// <summary>StreamTranscodeComplete per stream, TranscodeComplete and SnapshotComplete for a finished ingest's <paramref name="outputs"/>.</summary>
    public async Task AddIngestFinishedAsync(MediaDbContext db, string videoId, IReadOnlyList<MediaFile> outputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outputs);
        if (!Sends)
        {
            return;
        }

        var asset = await db.MediaAssets.AsNoTracking().Where(a => a.Id == videoId)
            .Select(a => new { a.MediaType, a.DurationSeconds })
            .SingleAsync(cancellationToken);
        var now = Now();
        foreach (var (eventType, body) in VodEventBodies.IngestFinished(videoId, asset.MediaType, asset.DurationSeconds, outputs, now))
        {
            Add(db, eventType, videoId, body, now);
        }
    }

    private static void Add(MediaDbContext db, string eventType, string videoId, string body, DateTime now) =>
        db.OutgoingVodEvents.Add(new OutgoingVodEvent
        {
            EventType = eventType,
            VideoId = videoId,
            Body = body,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
