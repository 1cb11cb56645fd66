using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Events;

/// <summary>A wrong Events setting stops start-up with a message naming it, never quoting the key.</summary>
public sealed class EventsOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("Events:RetryDelay", "-00:00:01", "Events:RetryDelay is -00:00:01; it must be between 00:00:00 and 01:00:00.")]
    [InlineData("Events:AttemptTimeout", "00:00:00", "Events:AttemptTimeout is 00:00:00; it must be between 00:00:00.100 and 00:05:00.")]
    [InlineData("Events:PollInterval", "01:00:00", "Events:PollInterval is 01:00:00; it must be between 00:00:00.050 and 00:10:00.")]
    [InlineData("Events:RetentionDays", "0", "Events:RetentionDays is 0; it must be between 1 and 3650.")]
    [InlineData("Events:CallbackUrl", "/relative/callback", "Events:CallbackUrl is '/relative/callback'; it must be an absolute http(s) URL.")]
    public async Task A_wrong_events_setting_stops_start_up_naming_it(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Events:CallbackUrl"] = "http://127.0.0.1:9/vod/events",
            ["Events:PrivateKey"] = "secret-events-key",
            [key] = value,
        }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-events-key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AlibabaVod:CallbackApplyTimeout", "00:00:05", "AlibabaVod:CallbackApplyTimeout is 00:00:05; it must be between 00:00:00.100 and 00:00:04.500, below the 5 seconds ApsaraVideo VOD waits for an answer.")]
    [InlineData("AlibabaVod:HistoryRetentionDays", "0", "AlibabaVod:HistoryRetentionDays is 0; it must be between 1 and 3650.")]
    public async Task A_wrong_callback_timing_or_history_setting_of_the_AlibabaVod_source_stops_start_up_naming_it(string key, string value, string message)
    {
        var settings = AlibabaVodSourceServer.Settings(new Uri("http://127.0.0.1:9/"));
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(_folder.Path, settings: settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
