using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Instances;

/// <summary>A notification setting that cannot work stops start-up with a message naming it; nothing is created.</summary>
public sealed class NotificationOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Notifications:Redis", "127.0.0.1:6379,colour=blue", "Notifications:Redis is not a valid StackExchange.Redis configuration string")]
    [InlineData("Notifications:Redis", ",,", "Notifications:Redis names no server")]
    [InlineData("Notifications:PollInterval", "00:00:00", "Notifications:PollInterval is 00:00:00; it must be a positive time span")]
    [InlineData("Notifications:PollInterval", "-00:00:01", "Notifications:PollInterval is -00:00:01; it must be a positive time span")]
    [InlineData("Notifications:CatchUpInterval", "00:00:00", "Notifications:CatchUpInterval is 00:00:00; it must be a positive time span")]
    public async Task A_wrong_notification_setting_stops_start_up_naming_the_setting(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "mediaadmin.db")));
    }

    [Fact]
    public async Task A_Redis_that_does_not_answer_does_not_stop_start_up()
    {
        await using var host = await CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Notifications:Redis"] = "127.0.0.1:1,connectTimeout=500" });

        Assert.True(File.Exists(Path.Combine(_folder.Path, "mediaadmin.db")));
    }
}
