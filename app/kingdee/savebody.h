#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace rs::kingdee {

// A BatchSave body as the mapping builds it, in either form ({"formid", "data"} or
// {"parameters": [formid, data]}, data an object or a JSON string), made ready to send.
class SaveBody final
{
public:
    // The bytes to send and, in `modelCount`, how many bills data.Model holds. BatchCount is
    // removed: with it, DIndex counts within the server's sub-batches and could not be mapped
    // back to the Model (KINGDEE.md "BatchSave").
    static QByteArray prepare(QJsonObject body, int *modelCount);
};

} // namespace rs::kingdee
