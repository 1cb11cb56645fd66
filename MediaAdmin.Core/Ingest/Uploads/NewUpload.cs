namespace MediaAdmin.Core.Ingest.Uploads;

/// <summary>What the browser declares before sending the first byte: the file, its size, and the asset it becomes.</summary>
public sealed record NewUpload(string FileName, long SizeBytes, string? Title = null, long? CategoryId = null);
