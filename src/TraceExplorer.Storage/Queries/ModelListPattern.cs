namespace TraceExplorer.Storage.Queries;

/// <summary>
/// A run's models are stored as one sorted, comma-separated list. A run used a model when the list is that model,
/// or has it as its first, a middle or its last entry: matching whole entries, so that "gpt-4" is not "gpt-4o".
/// </summary>
public static class ModelListPattern
{
    public static (string First, string Middle, string Last) For(string model)
    {
        var escaped = LikePattern.Escape(model);
        return (escaped + ", %", "%, " + escaped + ", %", "%, " + escaped);
    }
}
