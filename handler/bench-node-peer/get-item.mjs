// A Node Lambda peer of the Java handler's GET /items/{id}: the client built at init, one GetItem,
// then "answered 200" as the Java probe prints it. Run in a fresh process: its first answer is the cold start.
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";

const client = new DynamoDBClient({ region: process.env.AWS_REGION });

const handler = async (event) => {
  const id = event.path.split("/").pop();
  const answer = await client.send(new GetItemCommand({
    TableName: process.env.TABLE_NAME,
    Key: { id: { S: id } },
    ConsistentRead: true,
  }));
  return { statusCode: answer.Item ? 200 : 404, body: JSON.stringify(answer.Item ?? {}) };
};

const response = await handler({ httpMethod: "GET", path: "/items/" + process.env.PROBE_ITEM_ID });
console.log("answered " + response.statusCode);
