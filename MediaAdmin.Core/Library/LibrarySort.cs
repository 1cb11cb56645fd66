namespace MediaAdmin.Core.Library;

/// <summary>The orders the library can be listed in; each is followed by the asset ID to break ties.</summary>
public enum LibrarySort
{
    Created = 0,
    Title = 1,
    Size = 2,
    Duration = 3,
}
