namespace MediaAdmin.Core.Sources;

/// <summary><c>Library</c>: which library the console fronts.</summary>
public sealed class LibrarySourceOptions
{
    public const string Section = "Library";

    public LibrarySourceKind Source { get; set; } = LibrarySourceKind.Local;

    public bool IsAlibabaVod => Source == LibrarySourceKind.AlibabaVod;
}
