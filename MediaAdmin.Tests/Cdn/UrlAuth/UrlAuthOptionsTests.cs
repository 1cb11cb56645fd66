using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

public sealed class UrlAuthOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Cdn:UrlAuth:PrivateKey", "", "Cdn:UrlAuth:PrivateKey must be 16 to 32 letters and digits (it is 0 characters)")]
    [InlineData("Cdn:UrlAuth:PrivateKey", "short1", "Cdn:UrlAuth:PrivateKey must be 16 to 32 letters and digits (it is 6 characters or holds other characters)")]
    [InlineData("Cdn:UrlAuth:PrivateKey", "sixteen-chars-with-dash", "Cdn:UrlAuth:PrivateKey must be 16 to 32 letters and digits")]
    [InlineData("Cdn:UrlAuth:PrivateKey", "abcdefghijklmnopqrstuvwxyz0123456", "Cdn:UrlAuth:PrivateKey must be 16 to 32 letters and digits")]
    [InlineData("Cdn:UrlAuth:Lifetime", "00:00:00", "Cdn:UrlAuth:Lifetime must be a positive time span such as 00:30:00")]
    [InlineData("Cdn:UrlAuth:Lifetime", "-00:05:00", "Cdn:UrlAuth:Lifetime must be a positive time span such as 00:30:00")]
    public async Task A_wrong_url_authentication_setting_stops_start_up_naming_the_setting(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_up_error_never_repeats_the_private_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Cdn:UrlAuth:PrivateKey"] = "Secret+Key/Value" }));

        Assert.DoesNotContain("Secret+Key/Value", error.Message, StringComparison.Ordinal);
    }
}
