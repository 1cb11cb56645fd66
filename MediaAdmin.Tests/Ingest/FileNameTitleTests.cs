using MediaAdmin.Core.Ingest;

namespace MediaAdmin.Tests.Ingest;

/// <summary>The title a file gets when nobody typed one, whatever its name looks like.</summary>
public sealed class FileNameTitleTests
{
    public static TheoryData<string, string> Names => new()
    {
        { "  Harbour at dawn.mov ", "Harbour at dawn" },
        { "interview.final.mp4", "interview.final" },
        { ".mp4", ".mp4" },
        { "..mp4", "..mp4" },
        { " . ", FileNameTitle.Untitled },
        { "...", FileNameTitle.Untitled },
        { @"C:\Users\editor\Videos\Pier at noon.mp4", "Pier at noon" },
        { "exports/2019/Pier at noon.mp4", "Pier at noon" },
        { new string('a', 150) + ".mp4", new string('a', 127) + "…" },

        // An emoji whose two halves straddle the cut is dropped whole, never split.
        { new string('a', 126) + "\U0001F3AC take two.mp4", new string('a', 126) + "…" },
        { new string('a', 125) + "\U0001F3AC take two.mp4", new string('a', 125) + "\U0001F3AC…" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_file_is_titled_by_its_name_without_folder_or_extension_and_never_past_the_title_limit(string fileName, string title)
    {
        var titled = FileNameTitle.Of(fileName);

        Assert.Equal(title, titled);
        Assert.InRange(titled.Length, 1, Core.Library.MediaAsset.TitleMaxLength);
    }
}
