namespace MediaAdmin.Core.Library;

public enum MediaType
{
    Video = 0,
    Audio = 1,
}

/// <summary>Asset states, named as Alibaba Cloud VOD names them.</summary>
public enum MediaStatus
{
    Uploading = 0,
    UploadFail = 1,
    UploadSucc = 2,
    Transcoding = 3,
    TranscodeFail = 4,
    Normal = 5,
    Blocked = 6,
    Checking = 7,
}
