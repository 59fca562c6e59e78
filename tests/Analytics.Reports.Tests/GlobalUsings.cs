// Every test reaches the warehouse through DuckDB.NET and the Store helpers.
global using Analytics.Warehouse.Store;
global using DuckDB.NET.Data;
