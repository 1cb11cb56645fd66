using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>Library:Source takes a source's name only; anything else stops start-up with the values it may take.</summary>
public sealed class LibrarySourceSettingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("2")]
    [InlineData("1")]
    [InlineData("Vimeo")]
    public async Task A_number_or_an_unknown_name_stops_start_up_naming_the_setting_and_its_values(string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Library:Source"] = value }));

        Assert.Contains($"Library:Source is '{value}'; it must be one of Local, AlibabaVod (a name, not a number).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_in_any_letter_case_starts_the_local_library()
    {
        await using var host = await CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Library:Source"] = "local" });

        Assert.Equal(Core.Sources.LibrarySourceKind.Local, host.Services.GetRequiredService<IOptions<Core.Sources.LibrarySourceOptions>>().Value.Source);
    }

    public void Dispose() => _folder.Dispose();
}
