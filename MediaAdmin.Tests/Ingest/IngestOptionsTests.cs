using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Ingest;

public sealed class IngestOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Ingest:Workers", "0", "Ingest:Workers must be between 1 and 64.")]
    [InlineData("Ingest:JobLease", "00:00:00", "Ingest:JobLease must be between 1 second and 1 hour.")]
    [InlineData("Ingest:MaxAttempts", "0", "Ingest:MaxAttempts must be between 1 and 20.")]
    [InlineData("Ingest:FfmpegPath", "", "Ingest:FfmpegPath must name the ffmpeg executable.")]
    public async Task A_wrong_ingest_setting_stops_start_up_naming_the_setting(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
