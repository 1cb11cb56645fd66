namespace MediaAdmin.Web.Upload;

/// <summary>Where one file of the upload dialog stands.</summary>
public enum UploadItemState
{
    Waiting = 0,
    Uploading = 1,
    Done = 2,
    Refused = 3,
}
