namespace MediaAdmin.Core.Library;

/// <summary>The orders the library can be listed in; each is followed by the asset ID to break ties.</summary>
public enum LibrarySort
{
    Created = 0,
    Title = 1,
    Size = 2,
    Duration = 3,

    /// <summary>By the last change to the asset, as the VOD API's ModificationTime; what an incremental sync walks.</summary>
    Modified = 4,
}
