namespace MediaAdmin.Core.Ingest.Uploads;

/// <summary>How far an upload has come: the offset the next chunk must start at, of the file's size.</summary>
public sealed record UploadProgress(string Id, long ReceivedBytes, long SizeBytes)
{
    public bool IsComplete => ReceivedBytes == SizeBytes;
}
