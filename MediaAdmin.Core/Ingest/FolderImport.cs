using MediaAdmin.Core.Results;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// Brings an existing library in: every file below a folder goes through the same pipeline as an upload. The
/// folder is only read: the pipeline copies each file into storage and leaves the original as it was.
/// </summary>
public sealed class FolderImport(IIngestPipeline pipeline)
{
    /// <summary>Imports every file below <paramref name="folder"/> (hidden files and folders skipped), in name order.</summary>
    public async Task<Result<IReadOnlyList<ImportedFile>>> ImportAsync(
        string ownerId, string folder, long? categoryId, IProgress<ImportedFile>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            return Problem.NotFound($"There is no folder '{folder}'.");
        }

        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return Problem.Invalid($"The folder '{folder}' holds no files.");
        }

        var results = new List<ImportedFile>();
        foreach (var file in files)
        {
            var attempt = await ImportOneAsync(ownerId, root, file, categoryId, cancellationToken);
            if (!attempt.TryGetValue(out var imported))
            {
                // The caller's rights do not change between files: one refusal stops the whole import.
                return attempt.Problem;
            }

            results.Add(imported);
            progress?.Report(imported);
        }

        return results;
    }

    private async Task<Result<ImportedFile>> ImportOneAsync(string ownerId, string root, string file, long? categoryId, CancellationToken cancellationToken)
    {
        var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
        var title = FileNameTitle.Of(file);
        var submitted = await pipeline.SubmitAsync(new IngestSubmission(ownerId, title, file, Path.GetFileName(file), categoryId), cancellationToken);
        return submitted.Status switch
        {
            ResultStatus.Ok => new ImportedFile(relative, submitted.Value, null),
            ResultStatus.Forbidden => submitted.Problem!,
            _ => new ImportedFile(relative, null, submitted.Error),
        };
    }
}
