using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.Ingest;

/// <summary>The title a file becomes when nobody typed one: in the upload dialog, on the upload endpoint and in a folder import alike.</summary>
public static class FileNameTitle
{
    /// <summary>What a file whose name has nothing but spaces and dots is titled.</summary>
    public const string Untitled = "Untitled";

    /// <summary>
    /// The file's name without its folder or extension (the whole name when nothing comes before the dot, as in
    /// ".mp4"), shortened to <see cref="MediaAsset.TitleMaxLength"/>. A title nobody typed is never a reason to refuse
    /// a file: a name that long ends in "…", one with nothing to show is <see cref="Untitled"/>.
    /// </summary>
    public static string Of(string fileName)
    {
        // A browser sends the bare name, but a script may send a Windows path, whose separator Linux does not know.
        var path = fileName ?? string.Empty;
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        var stem = Path.GetFileNameWithoutExtension(name).Trim();
        var title = HasText(stem) ? stem : HasText(name) ? name : Untitled;
        return ColumnText.Shorten(title, MediaAsset.TitleMaxLength);
    }

    private static bool HasText(string name) => name.Trim('.', ' ').Length > 0;
}
