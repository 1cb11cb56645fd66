namespace MediaAdmin.Core.Sources;

/// <summary>The values of <c>Library:Source</c>: where the library's assets live.</summary>
public enum LibrarySourceKind
{
    /// <summary>MediaAdmin's own library: uploads, ffmpeg, files in MediaAdmin's storage.</summary>
    Local = 0,

    /// <summary>An ApsaraVideo VOD account, mirrored into the local database and deleted through Alibaba.</summary>
    AlibabaVod = 1,
}
