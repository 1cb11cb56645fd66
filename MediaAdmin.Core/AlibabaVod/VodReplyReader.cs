using System.Net;
using System.Text.Json;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// Reads a VOD reply the way Alibaba's gateway writes it: success is 2xx JSON without an error <c>Code</c>; an
/// error is JSON with <c>Code</c>, <c>Message</c> and <c>RequestId</c>. Anything else is a
/// <see cref="VodErrorCodes.MalformedReply"/> error, never an exception.
/// </summary>
internal static class VodReplyReader
{
    private static readonly HashSet<string> SuccessCodes = new(StringComparer.Ordinal) { "200", "OK", "Success", "success" };

    /// <summary>The parsed reply, or the error it carries; <paramref name="malformedBody"/> is set when the body was not Alibaba's JSON.</summary>
    public static VodReply<JsonElement> Read(string action, HttpStatusCode status, string body, out string? malformedBody)
    {
        malformedBody = null;
        var httpStatus = (int)status;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            malformedBody = body;
            return new VodError(VodErrorCodes.MalformedReply, $"ApsaraVideo VOD answered {action} with HTTP {httpStatus} and a body that is not its JSON.", httpStatus, null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            malformedBody = body;
            return new VodError(VodErrorCodes.MalformedReply, $"ApsaraVideo VOD answered {action} with HTTP {httpStatus} and JSON that is not an object.", httpStatus, null);
        }

        var requestId = Text(root, "RequestId");
        if (Text(root, "Code") is { } code && !SuccessCodes.Contains(code))
        {
            return new VodError(code, Text(root, "Message") ?? "(no message)", httpStatus, requestId);
        }

        if (httpStatus is < 200 or > 299)
        {
            return new VodError(VodErrorCodes.UnexpectedStatus, $"ApsaraVideo VOD answered {action} with HTTP {httpStatus} but no error code.", httpStatus, requestId);
        }

        return root;
    }

    /// <summary>A property as text, whether Alibaba sent it as a string or as a number (its quotas come as strings).</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
