using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// <see cref="IIngestPipeline"/>: refuses what cannot be ingested before anything is stored, then stores the
/// mezzanine under the asset's prefix and commits the asset (UploadSucc), its mezzanine row and its job together.
/// The caller's file is copied, never moved or deleted: an import must not empty the folder it reads.
/// </summary>
internal sealed class IngestPipeline(
    IDbContextFactory<MediaDbContext> dbFactory,
    PermissionService permissions,
    IMediaProbe probe,
    IMediaStorage storage,
    IOptions<IngestOptions> options,
    IOptions<CdnOptions> cdn,
    IngestSignal signal,
    Events.VodEventOutbox events,
    IOptions<Sources.LibrarySourceOptions> source,
    TimeProvider clock) : IIngestPipeline
{

    /// <summary>Why nothing is ingested locally while the console fronts an ApsaraVideo VOD account.</summary>
    internal static readonly Problem RemoteLibraryRefusal = Problem.Conflict(
        "This console fronts an ApsaraVideo VOD account (Library:Source=AlibabaVod): upload in Alibaba's VOD console or with its upload SDK; "
        + "the video appears here within seconds of Alibaba's FileUploadComplete callback.");

    public async Task<Result<string>> SubmitAsync(IngestSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (source.Value.IsAlibabaVod)
        {
            return RemoteLibraryRefusal;
        }

        var who = await permissions.GetAsync(submission.OwnerId, cancellationToken);
        if (!who.Has(PermissionNames.UploadMedia))
        {
            return Problem.Forbidden(who.IsActive ? "Your roles do not allow uploading media." : "Your account is disabled or locked out.");
        }

        if (await RefusalAsync(submission, cancellationToken) is { } refused)
        {
            return refused;
        }

        var probed = await probe.ProbeAsync(submission.SourcePath, cancellationToken);
        if (probed.Problem is { } notMedia)
        {
            return notMedia;
        }

        var id = VideoId.New();
        var mezzanine = Mezzanine(submission, probed.Value);
        var key = mezzanine.KeyFor(id);
        try
        {
            await using (var source = File.OpenRead(submission.SourcePath))
            {
                await storage.WriteAsync(key, source, cancellationToken);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var asset = NewAsset(id, submission, probed.Value, mezzanine.ToRow(id, cdn.Value));
            db.MediaAssets.Add(asset);
            events.AddFileUploadComplete(db, asset);
            db.IngestJobs.Add(new IngestJob { AssetId = id, State = IngestJobState.Queued, CreatedAtUtc = Now(), UpdatedAtUtc = Now() });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        signal.JobQueued();
        return id;
    }

    private async Task<Problem?> RefusalAsync(IngestSubmission submission, CancellationToken cancellationToken)
    {
        var title = submission.Title?.Trim() ?? string.Empty;
        if (title.Length is 0 or > MediaAsset.TitleMaxLength)
        {
            return Problem.Invalid($"A title must have 1 to {MediaAsset.TitleMaxLength} characters.");
        }

        if (submission.Description is { Length: > MediaAsset.DescriptionMaxLength })
        {
            return Problem.Invalid($"A description must have at most {MediaAsset.DescriptionMaxLength} characters.");
        }

        var file = new FileInfo(submission.SourcePath);
        if (!file.Exists)
        {
            return Problem.Invalid($"The file '{submission.OriginalFileName}' is not there to ingest.");
        }

        if (file.Length == 0)
        {
            return Problem.Invalid($"The file '{submission.OriginalFileName}' is empty.");
        }

        var max = options.Value.MaxUploadBytes;
        if (file.Length > max)
        {
            return Problem.Invalid($"The file '{submission.OriginalFileName}' has {file.Length:N0} bytes; at most {max:N0} are accepted (Ingest:MaxUploadBytes).");
        }

        if (submission.CategoryId is { } categoryId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
            {
                return Problem.Invalid($"Category {categoryId} does not exist.");
            }
        }

        return null;
    }

    private MediaAsset NewAsset(string id, IngestSubmission submission, MediaProbe media, MediaFile mezzanine)
    {
        var now = Now();
        var asset = new MediaAsset
        {
            Id = id,
            Title = submission.Title.Trim(),
            SearchKey = VideoId.SearchKeyOf(id),
            Description = submission.Description,
            Status = MediaStatus.UploadSucc,
            TotalSizeBytes = media.SizeBytes,
            OwnerId = submission.OwnerId,
            CategoryId = submission.CategoryId,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            Files = [mezzanine],
        };
        media.ApplyTo(asset);
        asset.SummarizeFiles([mezzanine.CdnUrl]);
        return asset;
    }

    private static TranscodedFile Mezzanine(IngestSubmission submission, MediaProbe media)
    {
        var name = MezzanineName.From(submission.OriginalFileName);
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        var format = extension.Length is > 0 and <= 16 ? extension : "bin";
        return new TranscodedFile(
            $"source/{name}", MediaFileKind.Mezzanine, format, media.SizeBytes, BitrateKbps: media.BitrateKbps, Width: media.Video?.Width, Height: media.Video?.Height);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
