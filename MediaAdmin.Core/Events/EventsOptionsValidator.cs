using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Events;

/// <summary>Stops start-up on <c>Events</c> settings that cannot work, naming the setting; never quotes the key.</summary>
internal sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    private const int MaxRetentionDays = 3650;

    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        var timing = TimingProblems(options).ToList();
        if (timing.Count > 0)
        {
            return ValidateOptionsResult.Fail(timing);
        }

        if (!options.SendsCallbacks)
        {
            return string.IsNullOrWhiteSpace(options.PrivateKey)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Events:PrivateKey is set but Events:CallbackUrl is not; set the URL that receives the callbacks, or remove the key.");
        }

        var problems = new List<string>();
        if (!Uri.TryCreate(options.CallbackUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            problems.Add($"Events:CallbackUrl is '{options.CallbackUrl}'; it must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            problems.Add("Events:PrivateKey is not set; callbacks are signed with it, as the receiver's VOD callback key. Set it in configuration or in the environment variable Events__PrivateKey.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> TimingProblems(EventsOptions options)
    {
        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromHours(1))
        {
            yield return $"Events:RetryDelay is {options.RetryDelay}; it must be between 00:00:00 and 01:00:00.";
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(100) || options.AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            yield return $"Events:AttemptTimeout is {options.AttemptTimeout}; it must be between 00:00:00.100 and 00:05:00.";
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(50) || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            yield return $"Events:PollInterval is {options.PollInterval}; it must be between 00:00:00.050 and 00:10:00.";
        }

        if (options.RetentionDays is < 1 or > MaxRetentionDays)
        {
            yield return $"Events:RetentionDays is {options.RetentionDays}; it must be between 1 and {MaxRetentionDays}.";
        }
    }
}
