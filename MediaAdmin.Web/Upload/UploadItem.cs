namespace MediaAdmin.Web.Upload;

/// <summary>One file picked or dropped in the upload dialog: what it becomes, how far it came, how it ended.</summary>
public sealed class UploadItem(int key, string fileName, long sizeBytes)
{
    /// <summary>The number upload.js knows the browser's File by.</summary>
    public int Key { get; } = key;

    public string FileName { get; } = fileName;

    public long SizeBytes { get; } = sizeBytes;

    public string Title { get; set; } = Core.Ingest.FileNameTitle.Of(fileName);

    public long? CategoryId { get; set; }

    public long SentBytes { get; private set; }

    public UploadItemState State { get; private set; }

    /// <summary>The new asset's id once the pipeline took the file.</summary>
    public string? VideoId { get; private set; }

    /// <summary>Why the file was refused or stopped, as the server or the browser said it.</summary>
    public string? Refusal { get; private set; }

    public int Percent => SizeBytes == 0 ? 0 : (int)(SentBytes * 100 / SizeBytes);

    public bool IsUploading => State == UploadItemState.Uploading;

    /// <summary>
    /// Whether Cancel can still stop it: once every byte is sent the server is turning the file into an asset,
    /// and a cancel then could say "Cancelled." about an asset that exists.
    /// </summary>
    public bool CanCancel => IsUploading && SentBytes < SizeBytes;

    /// <summary>Every byte is sent and the server is creating the asset.</summary>
    public bool IsFinishing => IsUploading && SizeBytes > 0 && SentBytes == SizeBytes;

    public void Started() => State = UploadItemState.Uploading;

    public void Progressed(long sentBytes) => SentBytes = Math.Clamp(sentBytes, SentBytes, SizeBytes);

    public void Finished(string? videoId, string? refusal)
    {
        VideoId = videoId;
        Refusal = videoId is null ? refusal ?? "The upload stopped." : null;
        State = videoId is null ? UploadItemState.Refused : UploadItemState.Done;
    }
}
