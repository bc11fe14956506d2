namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>Disposes providers that own resources (connection pools).</summary>
internal static class StoreDisposal
{
    public static async Task DisposeAllAsync(IEnumerable<object> stores)
    {
        foreach (var store in stores.Distinct())
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
    }
}
