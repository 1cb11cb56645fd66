namespace MediaAdmin.Core.Ingest.Uploads;

/// <summary>What the browser declares before sending the first byte: the file, its size, and the asset it becomes.</summary>
public sealed record NewUpload(string FileName, long SizeBytes, string? Title = null, long? CategoryId = null)
{
    /// <summary>The title an asset gets when none is typed: the file's name without its extension.</summary>
    public static string DefaultTitle(string fileName) => Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? string.Empty)).Trim();
}
