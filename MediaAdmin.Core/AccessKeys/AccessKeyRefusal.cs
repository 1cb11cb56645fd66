namespace MediaAdmin.Core.AccessKeys;

/// <summary>Why an AccessKey may not sign a request.</summary>
public enum AccessKeyRefusal
{
    None,
    NotFound,
    Disabled,
    UserNotActive,
}
