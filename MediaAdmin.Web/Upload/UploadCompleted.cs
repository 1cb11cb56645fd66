namespace MediaAdmin.Web.Upload;

/// <summary>The answer to a completed upload: the asset it became.</summary>
internal sealed record UploadCompleted(string VideoId);
