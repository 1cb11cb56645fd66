using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Events;

/// <summary>Stops start-up on <c>Events</c> settings that cannot work, naming the setting; never quotes the key.</summary>
internal sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
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
}
