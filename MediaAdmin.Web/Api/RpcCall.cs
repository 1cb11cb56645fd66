namespace MediaAdmin.Web.Api;

/// <summary>An authenticated request for one action: its ID, its decoded parameters and its caller.</summary>
internal sealed record RpcCall(string RequestId, IReadOnlyDictionary<string, string> Parameters, RpcCaller Caller)
{
    /// <summary>A parameter that was sent and is not empty.</summary>
    public bool TryGet(string name, out string value) => Parameters.TryGetValue(name, out value!) && value.Length > 0;
}
