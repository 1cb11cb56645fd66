using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.Ingest;

/// <summary>The title a file becomes when nobody typed one: in the upload dialog, on the upload endpoint and in a folder import alike.</summary>
public static class FileNameTitle
{
    /// <summary>
    /// The file's name without its extension (the whole name when nothing comes before it, as in ".mp4"), shortened
    /// to <see cref="MediaAsset.TitleMaxLength"/>. A title nobody typed is never a reason to refuse a file: a name
    /// that long only ends in "…".
    /// </summary>
    public static string Of(string fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        var stem = Path.GetFileNameWithoutExtension(name).Trim();
        var title = stem.Length > 0 ? stem : name;
        if (title.Length <= MediaAsset.TitleMaxLength)
        {
            return title;
        }

        // Never between the two halves of a character outside the BMP.
        var keep = MediaAsset.TitleMaxLength - 1;
        return title[..(char.IsHighSurrogate(title[keep - 1]) ? keep - 1 : keep)].TrimEnd() + "…";
    }
}
