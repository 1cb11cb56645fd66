using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// Runs one attempt of a job: Transcoding, ffmpeg into a work folder, the outputs into storage under the asset's
/// prefix, then their rows and Normal in one commit; TranscodeFail with the reason when ffmpeg refuses the source.
/// When the asset is deleted meanwhile, ffmpeg is killed and every file the attempt wrote or was writing is removed.
/// </summary>
internal sealed partial class IngestJobRunner(
    IngestJobStore store,
    IMediaProbe probe,
    IMediaTranscoder transcoder,
    IMediaStorage storage,
    IngestCancellations cancellations,
    IngestLeftovers leftovers,
    IngestHooks hooks,
    MediaAdminPaths paths,
    IOptions<IngestOptions> options,
    IOptions<CdnOptions> cdn,
    TimeProvider clock,
    ILogger<IngestJobRunner> logger)
{
    public async Task RunAsync(ClaimedJob job, CancellationToken stopping)
    {
        using var deleted = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, deleted.Token);
        var progress = new JobProgress();
        var work = new AttemptWork(Path.Combine(paths.DataFolder, "ingest-work", job.AssetId));
        var ended = IngestJobState.Queued;
        using (cancellations.Track(job.AssetId, deleted, linked))
        {
            var heartbeat = store.KeepLeasedAsync(job, progress, deleted, linked.Token);
            try
            {
                ended = await AttemptAsync(job, work, progress, linked.Token);
            }
            catch (OperationCanceledException) when (linked.IsCancellationRequested)
            {
                ended = stopping.IsCancellationRequested && !deleted.IsCancellationRequested ? IngestJobState.Queued : IngestJobState.Cancelled;
            }
#pragma warning disable CA1031 // Whatever broke, the attempt is cleaned up and the job retried or failed, never left stuck.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ended = await GiveUpOrRetryAsync(job, ex);
            }
            finally
            {
                await linked.CancelAsync();
                await heartbeat;
            }
        }

        await CleanUpAsync(job, work, ended);
        hooks.AttemptEnded?.Invoke(job.AssetId, ended);
    }

    private async Task<IngestJobState> AttemptAsync(ClaimedJob job, AttemptWork work, JobProgress progress, CancellationToken cancellationToken)
    {
        if (job.Attempt > options.Value.MaxAttempts)
        {
            return await FailAsync(job, $"Transcoding broke off {options.Value.MaxAttempts} times; it was not tried again.");
        }

        if (!await store.SetAssetStatusAsync(job.AssetId, MediaStatus.Transcoding, null, cancellationToken))
        {
            return IngestJobState.Cancelled;
        }

        var mezzanine = (await store.FilesOfAsync(job.AssetId, cancellationToken)).Single(f => f.Kind == MediaFileKind.Mezzanine);

        // What an attempt that died wrote before its commit: files under the prefix that no row names.
        await leftovers.RemoveAllButAsync(job.AssetId, key => key == mezzanine.StorageKey);
        work.Reset();
        hooks.Reach(job.AssetId, IngestStep.Started);
        cancellationToken.ThrowIfCancellationRequested();

        var source = await LocalSourceAsync(StorageKey.Parse(mezzanine.StorageKey), work, cancellationToken);
        var media = await probe.ProbeAsync(source, cancellationToken);
        if (media.Problem is { } unreadable)
        {
            return await FailAsync(job, unreadable.Message);
        }

        var encoding = new EncodingProgress(progress, () => hooks.Reach(job.AssetId, IngestStep.Encoding));
        var request = new TranscodeRequest(source, media.Value, work.Outputs, options.Value.SnapshotInterval);
        var transcoded = await transcoder.TranscodeAsync(request, encoding, cancellationToken);
        if (transcoded.Problem is { } failed)
        {
            return await FailAsync(job, failed.Message);
        }

        var outputs = await StoreOutputsAsync(job.AssetId, work, transcoded.Value, cancellationToken);
        hooks.Reach(job.AssetId, IngestStep.Committing);
        cancellationToken.ThrowIfCancellationRequested();
        return await store.CommitOutputsAsync(job, outputs, cancellationToken) ? IngestJobState.Succeeded : IngestJobState.Cancelled;
    }

    private async Task<List<MediaFile>> StoreOutputsAsync(string assetId, AttemptWork work, IReadOnlyList<TranscodedFile> files, CancellationToken cancellationToken)
    {
        var rows = new List<MediaFile>(files.Count);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using (var content = File.OpenRead(Path.Combine(work.Outputs, file.RelativePath)))
            {
                await storage.WriteAsync(file.KeyFor(assetId), content, cancellationToken);
            }

            rows.Add(file.ToRow(assetId, cdn.Value));
            if (rows.Count == 1)
            {
                hooks.Reach(assetId, IngestStep.StoringOutputs);
            }
        }

        return rows;
    }

    /// <summary>ffmpeg reads the mezzanine where it lies on a local disk; from any other store it is fetched into the work folder.</summary>
    private async Task<string> LocalSourceAsync(StorageKey key, AttemptWork work, CancellationToken cancellationToken)
    {
        if (storage is LocalDiskMediaStorage disk)
        {
            return disk.PathOf(key);
        }

        var path = Path.Combine(work.Root, "source" + Path.GetExtension(key.Value));
        await using var content = await storage.OpenReadAsync(key, cancellationToken)
            ?? throw new FileNotFoundException($"The mezzanine {key} is missing from storage.");
        await using var copy = File.Create(path);
        await content.CopyToAsync(copy, cancellationToken);
        return path;
    }

    /// <summary>
    /// After a commit nothing is removed; otherwise every output of the attempt goes, and when the asset was deleted
    /// so does whatever else is left under its prefix (the deletion removes the files it knew of, this the rest).
    /// </summary>
    private async Task CleanUpAsync(ClaimedJob job, AttemptWork work, IngestJobState ended)
    {
        work.Delete();
        if (ended == IngestJobState.Succeeded)
        {
            return;
        }

        var source = $"media/{job.AssetId}/source/";
        await leftovers.RemoveAllButAsync(job.AssetId, key => ended != IngestJobState.Cancelled && key.StartsWith(source, StringComparison.Ordinal));
        if (ended == IngestJobState.Cancelled)
        {
            await store.EndAsync(job, IngestJobState.Cancelled, "The asset was deleted during ingest.", null);
        }
        else if (ended == IngestJobState.Queued)
        {
            await store.ReleaseAfterShutdownAsync(job);
        }
    }

    /// <summary>A deletion elsewhere can make the source vanish under ffmpeg: a failure of an asset that is gone is its cancellation.</summary>
    private async Task<IngestJobState> FailAsync(ClaimedJob job, string reason)
    {
        if (!await store.SetAssetStatusAsync(job.AssetId, MediaStatus.TranscodeFail, reason, CancellationToken.None))
        {
            return IngestJobState.Cancelled;
        }

        await store.EndAsync(job, IngestJobState.Failed, reason, null);
        return IngestJobState.Failed;
    }

    private async Task<IngestJobState> GiveUpOrRetryAsync(ClaimedJob job, Exception error)
    {
        LogAttemptFailed(logger, error, job.AssetId, job.Attempt);
        if (!await store.AssetExistsAsync(job.AssetId))
        {
            return IngestJobState.Cancelled;
        }

        if (job.Attempt >= options.Value.MaxAttempts)
        {
            return await FailAsync(job, $"Transcoding failed: {error.Message}");
        }

        var retryAt = clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(10 * job.Attempt);
        await store.EndAsync(job, IngestJobState.Queued, error.Message, retryAt);
        return IngestJobState.Failed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest of {AssetId} failed unexpectedly on attempt {Attempt}")]
    private static partial void LogAttemptFailed(ILogger logger, Exception error, string assetId, int attempt);
}
