namespace MediaAdmin.Core.AccessKeys;

/// <summary>Why an AccessKey may not sign a request.</summary>
public enum AccessKeyRefusal
{
    None = 0,
    NotFound = 1,
    Disabled = 2,
    UserNotActive = 3,
}
