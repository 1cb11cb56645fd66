using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>A wrong Reconcile setting stops start-up with a message naming it.</summary>
public sealed class ReconciliationOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("Reconcile:OrphanGracePeriod", "-01:00:00", "Reconcile:OrphanGracePeriod must be between 0 and 30 days.")]
    [InlineData("Reconcile:PageSize", "0", "Reconcile:PageSize must be between 1 and 5000.")]
    [InlineData("Reconcile:RunLease", "00:00:00", "Reconcile:RunLease must be between 1 second and 1 hour.")]
    [InlineData("Reconcile:WorkerPollInterval", "01:00:00", "Reconcile:WorkerPollInterval must be between 50 milliseconds and 10 minutes.")]
    public async Task A_wrong_reconcile_setting_stops_start_up_naming_it(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
