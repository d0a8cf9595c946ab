using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ValidationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_steps_validation",
                table: "steps",
                columns: new[] { "Kind", "ValidationSchema", "Name", "ValidationPassed", "ValidationFailureReason", "StartTime", "RunId" },
                filter: "\"Kind\" = 'Validate'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_steps_validation",
                table: "steps");
        }
    }
}
